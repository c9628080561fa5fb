import { afterAll } from 'vitest';
import { dropFileDatabase } from './test-database';

// The postgres vitest project's setup file: runs in every test file, and waits for its tests' databases to be dropped.
afterAll(() => dropFileDatabase());
