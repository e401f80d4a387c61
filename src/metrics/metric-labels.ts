import type { Outcome, Priority, ScreeningCategory } from '../screening/engine/vocabulary';

/**
 * Every label value a domain may record, as a closed type: labels name kinds of things
 * (a route pattern, a priority, a category), never a member, a text, an id or an address,
 * and a closed set keeps the number of series bounded.
 */
export type QueueBackendLabel = 'redis' | 'postgres';
export type QueueState = 'waiting' | 'active' | 'delayed' | 'failed';
export type JobResult = 'completed' | 'failed';
export type StatusClass = '1xx' | '2xx' | '3xx' | '4xx' | '5xx';
export type GraphqlOperationType = 'query' | 'mutation' | 'subscription' | 'unknown';
export type CaseSource = 'screening' | 'report';
export type { AlertFormat } from '../config/alerts-config';
export type AlertResult = 'delivered' | 'failed';
/** A post with no finding counts under NONE. */
export type ScreeningCategoryLabel = ScreeningCategory | 'NONE';

export type { Outcome, Priority };

export type QueueDepth = Record<QueueState, number>;

/** What a pg Pool tells about itself (node-postgres' counters). */
export interface PoolUse {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}
