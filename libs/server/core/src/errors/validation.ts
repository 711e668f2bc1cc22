import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
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

/** Paths of the strings holding a NUL character, which PostgreSQL text columns cannot store. */
function collectNul(value: unknown, path: string, into: Record<string, string[]>): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) into[path || 'value'] = ['This text contains a character that is not allowed.'];
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => collectNul(item, path ? `${path}.${index}` : String(index), into));
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) collectNul(item, path ? `${path}.${key}` : key, into);
  }
}

/** The class-validator pipe, which first refuses NUL characters anywhere in the arguments (a 500 in SQL otherwise). */
class PrmValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const fields: Record<string, string[]> = {};
      collectNul(value, typeof value === 'object' ? '' : (metadata.data ?? ''), fields);
      if (Object.keys(fields).length > 0) throw new DomainError('BAD_USER_INPUT', 'Some fields are not valid.', fields);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new PrmValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    stopAtFirstError: false,
    exceptionFactory: (errors) => validationErrorFromClassValidator(errors),
  });
}
