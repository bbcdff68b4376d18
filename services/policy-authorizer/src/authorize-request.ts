import type { GrantRequestFields, OperationParameters } from '@keyhold/policy';
import type { AuthorizeRequest__Output, EncryptionContextConstraint__Output } from '@keyhold/proto';
import type { AuthorizeInput } from './authorizer.js';

const pairs = (
  c: EncryptionContextConstraint__Output | null,
): Record<string, string> | undefined => (c === null ? undefined : { ...c.pairs });

function grantFields(g: NonNullable<AuthorizeRequest__Output['grant']>): GrantRequestFields {
  const equals = pairs(g.encryptionContextEquals);
  const subset = pairs(g.encryptionContextSubset);
  return {
    operations: [...g.operations],
    ...(g.granteePrincipal ? { granteePrincipal: g.granteePrincipal } : {}),
    ...(g.retiringPrincipal ? { retiringPrincipal: g.retiringPrincipal } : {}),
    isForAwsResource: g.isForAwsResource,
    ...(equals || subset
      ? {
          constraints: {
            ...(equals ? { encryptionContextEquals: equals } : {}),
            ...(subset ? { encryptionContextSubset: subset } : {}),
          },
        }
      : {}),
    ...(g.grantId ? { grantId: g.grantId } : {}),
  };
}

function parameters(p: NonNullable<AuthorizeRequest__Output['parameters']>): OperationParameters {
  return {
    ...(p.rotationPeriodInDays !== undefined
      ? { rotationPeriodInDays: p.rotationPeriodInDays }
      : {}),
    ...(p.pendingWindowInDays !== undefined ? { pendingWindowInDays: p.pendingWindowInDays } : {}),
    ...(p.bypassPolicyLockoutSafetyCheck !== undefined
      ? { bypassPolicyLockoutSafetyCheck: p.bypassPolicyLockoutSafetyCheck }
      : {}),
  };
}

/**
 * An Authorize request as the evaluator takes it; source IP and via-service
 * come from the call's request context, not from the message.
 */
export function authorizeInput(
  req: AuthorizeRequest__Output,
  context: { readonly sourceIp: string; readonly viaService: string },
): AuthorizeInput {
  const minVersion = Number(req.minVersion);
  const tags = Object.keys(req.requestTags);
  return {
    action: req.action,
    resourceArn: req.resourceArn,
    accountId: req.accountId,
    principalArn: req.principalArn,
    region: req.region,
    sourceIp: context.sourceIp,
    viaService: context.viaService,
    ...(Number.isSafeInteger(minVersion) && minVersion > 0 ? { minVersion } : {}),
    ...(req.grantIds.length > 0 ? { grantIds: [...req.grantIds] } : {}),
    ...(req.grant ? { grant: grantFields(req.grant) } : {}),
    ...(req.parameters ? { parameters: parameters(req.parameters) } : {}),
    ...(tags.length > 0 ? { requestTags: { ...req.requestTags } } : {}),
    ...(req.tagKeys.length > 0 ? { tagKeys: [...req.tagKeys] } : {}),
    ...(req.requestAlias ? { requestAlias: req.requestAlias } : {}),
    ...(req.newKey
      ? {
          newKey: {
            ...(req.newKey.keySpec ? { keySpec: req.newKey.keySpec } : {}),
            ...(req.newKey.keyUsage ? { keyUsage: req.newKey.keyUsage } : {}),
            ...(req.newKey.origin ? { origin: req.newKey.origin } : {}),
            multiRegion: req.newKey.multiRegion,
          },
        }
      : {}),
  };
}
