/** Which database failures are a 503 to try again, and which are bugs (500). */
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from '../../db/database-errors';

const driverError = (code: string, message = code) => Object.assign(new Error(message), { code });
const failed = (error: Error) => new QueryFailedError('SELECT 1', [], error);

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', driverError('ECONNREFUSED')],
    [
      'a lost connection',
      driverError('PROTOCOL_CONNECTION_LOST', 'Connection lost: The server closed the connection.'),
    ],
    ['a query past its timeout', failed(driverError('PROTOCOL_SEQUENCE_TIMEOUT', 'Query inactivity timeout'))],
    ['a full pool queue', new Error('Queue limit reached.')],
    ['a closed connection', new Error("Can't add new command when connection is in closed state")],
    ['a dropped database', failed(driverError('ER_BAD_DB_ERROR', "Unknown database 'x'"))],
    ['a missing MySQL table', failed(driverError('ER_NO_SUCH_TABLE', "Table 'x.founder' doesn't exist"))],
    ['a missing SQLite table', failed(driverError('SQLITE_ERROR', 'no such table: founder'))],
    ['SQLite busy', failed(driverError('SQLITE_BUSY', 'database is locked'))],
  ])('is true for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a syntax error', failed(driverError('ER_PARSE_ERROR', 'You have an error in your SQL syntax'))],
    ['a duplicate key', failed(driverError('ER_DUP_ENTRY', "Duplicate entry 'x' for key 'y'"))],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing', undefined],
  ])('is false for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
