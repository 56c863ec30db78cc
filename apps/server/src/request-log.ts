import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** An X-Request-Id the server keeps: at most 64 letters, digits and . _ : - (nothing that could forge a log line). */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The id of a request: the caller's X-Request-Id when it is safe, otherwise a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

// Query parameters whose whole value is personal data (search text, names, contacts, keys).
const PERSONAL_PARAMS = new Set([
  'q',
  'name',
  'phone',
  'idnumber',
  'id_number',
  'caller',
  'callername',
  'callerphone',
  'reportername',
  'reporterphone',
  'contact',
  'email',
  'first_name',
  'last_name',
  'address_string',
  'api_key',
  'token',
  'password',
]);

const stars = (text: string) => text.replace(/[0-9Xx]/g, '*');

/**
 * Phone and ID numbers keep their first three digits: runs of 7 or more digits (an ID number's final
 * X included) and mobile or landline numbers written with dashes or spaces. A run inside a word or a
 * UUID (next to a letter, digit, underscore or dash) is left alone.
 */
function maskDigits(text: string): string {
  return text
    .replace(/(?<![\w-])(1\d{2})([- ]\d{4}[- ]\d{4})(?![\w-])/g, (_m, head: string, rest: string) => head + stars(rest))
    .replace(/(?<![\w-])(0\d{2})(\d?-\d{7,8})(?![\w-])/g, (_m, head: string, rest: string) => head + stars(rest))
    .replace(/(?<![\w-])(\d{3})(\d{4,}[Xx]?)(?![\w-])/g, (_m, head: string, rest: string) => head + stars(rest));
}

/**
 * A request URL as it may be logged: the value of every personal query parameter (q, name, phone,
 * idNumber …) becomes ***, and in other values and in the path every run of 7+ digits keeps only its
 * first three (UUIDs stay whole: their digit runs sit between hex letters and dashes).
 */
export function maskUrl(url: string): string {
  const at = url.indexOf('?');
  const path = maskDigits(at < 0 ? url : url.slice(0, at));
  if (at < 0) return path;
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return maskDigits(pair);
      const key = pair.slice(0, eq);
      let name = key;
      try {
        name = decodeURIComponent(key.replace(/\+/g, ' '));
      } catch {
        // a malformed escape: judged by its raw text
      }
      if (PERSONAL_PARAMS.has(name.toLowerCase()) || PERSONAL_PARAMS.has(name.replace(/\[\]$/, '').toLowerCase())) {
        return `${key}=***`;
      }
      let value = pair.slice(eq + 1);
      try {
        value = encodeURIComponent(maskDigits(decodeURIComponent(value.replace(/\+/g, ' '))));
      } catch {
        value = maskDigits(value);
      }
      return `${key}=${value}`;
    })
    .join('&');
  return `${path}?${query}`;
}

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/**
 * Logger options of the server: requests are logged with a masked URL and without headers; cookies,
 * the CSRF token, authorisation and passwords are redacted wherever a log line carries them.
 */
export function loggerOptions(logger: boolean | object | undefined): false | object {
  if (!logger) return false;
  return {
    ...(logger === true ? {} : logger),
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'headers.cookie',
        'headers.authorization',
        'headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        'password',
        '*.password',
        'body.password',
        'body.newPassword',
        'body.currentPassword',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: LoggedRequest) => ({
        method: req.method,
        url: maskUrl(req.url),
        host: req.host,
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
    },
  };
}
