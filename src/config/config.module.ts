import { DynamicModule, Global, Module } from '@nestjs/common';
import { KindredConfig } from './config';

export const KINDRED_CONFIG = Symbol('KINDRED_CONFIG');

/**
 * The configuration is read and resolved (embedded database started, URL known) before
 * Nest boots, then handed in here so that every provider sees the same values.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: KindredConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: KINDRED_CONFIG, useValue: config }],
      exports: [KINDRED_CONFIG],
    };
  }
}
