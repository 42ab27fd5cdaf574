import { z } from '@hono/zod-openapi';
import { Name, WebLink } from '../common';

export const CreatePartnerBody = z
  .object({
    name: Name(200).openapi({ example: 'PT Wisata Nusantara' }),
    kind: z
      .string()
      .max(40)
      .openapi({ description: 'A code of the `partner-kinds` vocabulary.', example: 'company' }),
    website: WebLink(300).optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
      .optional()
      .openapi({ example: 'ID' }),
  })
  .strict()
  .openapi('CreatePartnerRequest');
