import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError } from '@prm/domain/common';

function collect(errors: ValidationError[], prefix: string, into: Record<string, string[]>): void {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) into[path] = Object.values(error.constraints);
    if (error.children?.length) collect(error.children, path, into);
  }
}

/** Turns class-validator failures into one BAD_USER_INPUT error with messages per field. */
export function validationErrorFromClassValidator(errors: ValidationError[]): DomainError {
  const fields: Record<string, string[]> = {};
  // Nest validates each argument separately; drop the argument name ("input.") for readability.
  collect(errors, '', fields);
  return new DomainError('BAD_USER_INPUT', 'Some fields are not valid.', fields);
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    stopAtFirstError: false,
    exceptionFactory: (errors) => validationErrorFromClassValidator(errors),
  });
}
