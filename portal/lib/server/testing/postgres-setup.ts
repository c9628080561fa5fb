import { afterAll } from 'vitest';
import { dropFileDatabase } from './test-database';

// The postgres vitest project's setup file: runs in every test file, whose database is dropped once it is done.
afterAll(() => dropFileDatabase());
