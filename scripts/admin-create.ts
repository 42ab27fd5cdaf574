// `npm run admin:create -- --email admin@example.go.id [--name "Nama"]`
// Creates the first platform admin (or promotes an existing account). A new
// account gets a generated password, printed once; change it with a reset.
import { eq } from 'drizzle-orm';
import { users } from '../db/schema';
import { hashPassword } from '../src/identity/passwords';
import { recordAudit } from '../src/platform/audit';
import { systemCtx } from '../src/platform/context';
import { newId } from '../src/platform/ids';
import { randomSecret } from '../src/platform/secrets';
import { runCommand } from './cli';

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0
    ? argv[i + 1]
    : argv
        .find((a) => a.startsWith(`--${name}=`))
        ?.split('=')
        .slice(1)
        .join('=');
}

await runCommand(
  'admin.create',
  async ({ config, database, logger, argv }) => {
    const email = arg(argv, 'email')?.trim().toLowerCase();
    if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
      throw new Error(
        'usage: npm run admin:create -- --email someone@example.go.id [--name "Full Name"]',
      );
    const name = arg(argv, 'name') ?? email.split('@')[0]!;
    const { ctx } = systemCtx({ db: database.db, logger, config, requestId: newId('request') });
    const now = new Date();
    const [existing] = await database.db.select().from(users).where(eq(users.email, email));
    let password: string | null = null;
    await database.db.transaction(async (tx) => {
      if (existing) {
        await tx
          .update(users)
          .set({
            isPlatformAdmin: true,
            emailVerifiedAt: existing.emailVerifiedAt ?? now,
            updatedAt: now,
          })
          .where(eq(users.id, existing.id));
        await recordAudit(tx, ctx, {
          tenantId: null,
          action: 'user.platform_admin_granted',
          targetType: 'user',
          targetId: existing.id,
          diff: { isPlatformAdmin: { from: existing.isPlatformAdmin, to: true } },
        });
        return;
      }
      password = randomSecret(15);
      const id = newId('user');
      await tx.insert(users).values({
        id,
        email,
        name,
        passwordHash: await hashPassword(password),
        emailVerifiedAt: now,
        isPlatformAdmin: true,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, ctx, {
        tenantId: null,
        action: 'user.platform_admin_created',
        targetType: 'user',
        targetId: id,
        diff: { email: { to: email }, isPlatformAdmin: { to: true } },
      });
    });
    // Printed to the terminal of the person who ran the command, never logged.
    console.log(
      existing
        ? `${email} is now a platform admin.`
        : `Platform admin ${email} created.\nPassword (shown once): ${password}`,
    );
  },
  { prepare: true },
);
