import { AppError, type ErrorDetail, fromDatabaseError, isAppError, localiseError, prefersChinese } from '@linli/core';
import type { FastifyError, FastifyInstance } from 'fastify';

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

const fastifyCodes: Record<number, AppError['code']> = {
  400: 'invalid_input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'invalid_input',
  422: 'unprocessable',
  429: 'rate_limited',
};

function validationDetails(issues: ValidationIssue[], context: string | undefined): ErrorDetail[] {
  return issues.map((issue) => {
    const missing = issue.params?.missingProperty as string | undefined;
    const extra = issue.params?.additionalProperty as string | undefined;
    const pointer = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    const field = [pointer, missing ?? extra].filter(Boolean).join('.') || context || 'body';
    return { field, reason: extra ? 'is not an accepted field' : (issue.message ?? 'is not valid') };
  });
}

/**
 * One translation of errors into `{ error: { code, message, details } }`. Client errors keep their
 * details; anything unexpected is logged and answered with a 500 that reveals nothing.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    let appError: AppError | undefined;
    if (isAppError(error)) appError = error;
    else if ('validation' in error && error.validation) {
      appError = AppError.invalid(validationDetails(error.validation as ValidationIssue[], error.validationContext));
    } else {
      appError = fromDatabaseError(error);
      const status = (error as FastifyError).statusCode;
      if (!appError && status && status >= 400 && status < 500) {
        appError = new AppError(fastifyCodes[status] ?? 'invalid_input', error.message);
      }
    }
    if (!appError) {
      request.log.error({ err: error }, 'unhandled error');
      const message = prefersChinese(request.headers['accept-language'])
        ? '服务器内部错误，已记录日志'
        : 'An internal error occurred; it has been logged';
      return reply.status(500).send({ error: { code: 'internal', message } });
    }
    if (appError.code === 'account_locked' || appError.code === 'rate_limited') {
      const retry = (appError.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (retry) reply.header('retry-after', String(retry));
    }
    const body = { code: appError.code, message: appError.message, ...(appError.details ? { details: appError.details } : {}) };
    if (!prefersChinese(request.headers['accept-language'])) return reply.status(appError.status).send({ error: body });
    // A declared error (AppError.of) has its Chinese text in its module's manifest; an older message
    // still goes through the translation rules of core/error-messages.ts, and so do field reasons.
    const localised = localiseError(body);
    if (appError.declared) Object.assign(localised, { message: appError.messageIn('zh-CN'), messageEn: appError.message });
    return reply.status(appError.status).send({ error: localised });
  });
}
