import { timestamp } from 'drizzle-orm/pg-core';

/** created/updated timestamps shared by every mutable table. */
export const timestamps = {
  createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
};
