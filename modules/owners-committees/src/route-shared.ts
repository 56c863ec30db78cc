import { errorResponses } from '@linli/core';

export const tags = ['owners-committees'];
export const errors = errorResponses(400, 403, 404, 409);
