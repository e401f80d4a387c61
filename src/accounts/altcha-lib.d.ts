declare module 'altcha-lib' {
  export * from 'altcha-lib/dist/cjs/v2/index';
}
declare module 'altcha-lib/algorithms/sha' {
  export * from 'altcha-lib/dist/cjs/v2/algorithms/sha';
}
