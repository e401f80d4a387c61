/** The operations of the resource library and the reporter's list, in one place so each selection is written once. */

const RESOURCE_FIELDS = `id topic locale title body url contact position retired`;

export const RESOURCES = `query Resources($locale: ResourceLocale, $topic: ResourceTopic) {
  resources(locale: $locale, topic: $topic) { ${RESOURCE_FIELDS} } }`;

export const RESOURCE_LIBRARY = `query ResourceLibrary { resourceLibrary { ${RESOURCE_FIELDS} } }`;

export const CREATE_RESOURCE = `mutation CreateResource($input: ResourceInput!) { createResource(input: $input) { ${RESOURCE_FIELDS} } }`;

export const UPDATE_RESOURCE = `mutation UpdateResource($id: ID!, $input: ResourceInput!) {
  updateResource(id: $id, input: $input) { ${RESOURCE_FIELDS} } }`;

export const RETIRE_RESOURCE = `mutation RetireResource($id: ID!, $retired: Boolean) { retireResource(id: $id, retired: $retired) { ${RESOURCE_FIELDS} } }`;

export const REORDER_RESOURCES = `mutation ReorderResources($ids: [ID!]!) { reorderResources(ids: $ids) { id position } }`;

export const MY_REPORTS = `query MyReports { me { id myReports { id reason note createdAt status answeredAt
  post { id ... on Thread { title } ... on Reply { thread { id title } } } } } }`;

export const RESOURCE_TOPICS = [
  'CRISIS',
  'MEDICATION',
  'PRESCRIBER_QUESTIONS',
  'NALOXONE',
  'TEST_STRIPS',
  'TREATMENT',
  'FAMILY_SUPPORT',
] as const;
export type ResourceTopic = (typeof RESOURCE_TOPICS)[number];

export interface Resource {
  id: string;
  topic: ResourceTopic;
  locale: 'EN' | 'ES';
  title: string;
  body: string;
  url: string | null;
  contact: string | null;
  position: number;
  retired: boolean;
}
