// graphql-ws publishes its ws adapter only under package "exports", which this project's
// "node" module resolution does not read; point the types at the file it resolves to.
declare module 'graphql-ws/use/ws' {
  export { useServer } from 'graphql-ws/dist/use/ws';
}
