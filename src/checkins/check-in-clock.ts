import { Injectable } from '@nestjs/common';

/**
 * The clock check-ins count days by. A provider of its own so that a test can move it to any
 * hour of any day (app.get(CheckInClock).now = ...) instead of waiting for midnight.
 */
@Injectable()
export class CheckInClock {
  now(): Date {
    return new Date();
  }
}
