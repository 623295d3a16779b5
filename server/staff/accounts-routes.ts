/**
 * Account management for admins (the door checks the role, see permissions.ts):
 * GET /api/accounts, POST /api/accounts, PATCH /api/accounts/:username,
 * POST /api/accounts/:username/reset. One-time passwords are in the answer, shown once.
 */
import { Router } from 'express';
import { z } from 'zod';
import { staffActor } from './staff-door.ts';
import type { ApiContext } from '../platform/api-context.ts';
import { validate } from '../platform/errors.ts';

const NewAccountSchema = z.strictObject({
  username: z.string().max(200),
  displayName: z.string().max(200).optional(),
  role: z.string().max(50),
  emergency: z.boolean().optional(),
  password: z.string().max(2000).optional(),
});

const AccountChangeSchema = z.strictObject({
  role: z.string().max(50).optional(),
  emergency: z.boolean().optional(),
  displayName: z.string().max(200).optional(),
  disabled: z.boolean().optional(),
});

const UsernameParamsSchema = z.strictObject({ username: z.string().min(1).max(200) });

export function accountsRouter({ auth, service }: ApiContext): Router {
  const router = Router();
  const { accounts } = auth;

  router.get('/accounts', async (_req, res) => {
    res.json({ accounts: await accounts.list() });
  });

  router.post('/accounts', async (req, res) => {
    const input = validate(NewAccountSchema, req.body);
    const result = await accounts.add(input, staffActor(res));
    res.status(201).json({ ...result, revision: service.revision() });
  });

  router.patch('/accounts/:username', async (req, res) => {
    const { username } = validate(UsernameParamsSchema, req.params);
    const change = validate(AccountChangeSchema, req.body);
    const account = await accounts.change({ username, ...change }, staffActor(res));
    res.json({ account, revision: service.revision() });
  });

  router.post('/accounts/:username/reset', async (req, res) => {
    const { username } = validate(UsernameParamsSchema, req.params);
    const oneTimePassword = await accounts.reset(username, staffActor(res));
    res.json({ username, oneTimePassword, revision: service.revision() });
  });

  return router;
}
