import { IntrinsicException } from '@nestjs/common';
import { ErrorCode } from './error-code';

/**
 * The one error type the API lets through to members. Domain services throw subclasses
 * with a domain reason; `code` is already the contract's code, chosen by the subclass's
 * exhaustive map, and `message` is written for a person. Intrinsic: an expected outcome,
 * not something for the error log.
 */
export class KindredError extends IntrinsicException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Builds a domain error class whose reasons map exhaustively onto contract codes. */
export function domainError<Reason extends string>(name: string, codes: Record<Reason, ErrorCode>) {
  return class extends KindredError {
    constructor(
      readonly reason: Reason,
      message: string,
      details: Record<string, unknown> = {},
    ) {
      super(codes[reason], message, { reason, ...details });
      this.name = name;
    }
  };
}
