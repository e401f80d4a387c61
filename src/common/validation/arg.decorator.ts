import { ValidationPipe } from '@nestjs/common';
import { Args, ArgsOptions } from '@nestjs/graphql';
import { NoNulCharactersPipe } from './no-nul-characters.pipe';

/**
 * The pipes every GraphQL argument passes through: text PostgreSQL can store, then the
 * class-validator rules of its input type.
 */
const ARGUMENT_PIPES = [
  new NoNulCharactersPipe(),
  new ValidationPipe({ transform: true, forbidUnknownValues: false, stopAtFirstError: true }),
];

/**
 * `@Args(name)` with Kindred's argument pipes. The pipes sit on the argument, not on the app:
 * global pipes would run on every parameter of every field resolver (each @Parent and
 * @Context of every row of a page), which is where a feed request spent much of its time.
 * Use this in place of `@Args` (the architecture spec holds every resolver to it).
 */
export function Arg(property: string, options: ArgsOptions = {}): ParameterDecorator {
  return Args(property, options, ...ARGUMENT_PIPES);
}
