import {
  DisableKeyRotationCommand,
  EnableKeyRotationCommand,
  GetKeyRotationStatusCommand,
  ListKeyRotationsCommand,
  RotateKeyOnDemandCommand,
} from '@aws-sdk/client-kms';
import type { RotationsListEntry } from '@aws-sdk/client-kms';
import type { Command } from 'commander';
import { tableOutput } from '../output.js';
import {
  allPages,
  cell,
  done,
  positiveInteger,
  recordOutput,
  runKms,
  withKmsOptions,
  withoutMetadata,
} from './kms-client.js';
import type { KmsOptions } from './kms-client.js';

/** `keyhold rotation enable|disable|status|rotate-now|list` through the gateway (KMS API). */
export function registerRotation(program: Command): void {
  const rotation = program.command('rotation').description('key material rotation (KMS API)');
  const onKey = (name: string) =>
    withKmsOptions(rotation.command(name)).argument('<key>', 'key id or key ARN');

  onKey('enable')
    .description('rotate automatically every period (EnableKeyRotation)')
    .option('--period-days <n>', '90-2560 (default 365)', positiveInteger)
    .action(async (key: string, o: KmsOptions & { periodDays?: number }) =>
      runKms('rotation enable', o, async (kms) => {
        await kms.send(
          new EnableKeyRotationCommand({ KeyId: key, RotationPeriodInDays: o.periodDays }),
        );
        return done(`automatic rotation of ${key} enabled`, {
          KeyId: key,
          KeyRotationEnabled: true,
        });
      }),
    );

  onKey('disable')
    .description('stop rotating automatically (DisableKeyRotation)')
    .action(async (key: string, o: KmsOptions) =>
      runKms('rotation disable', o, async (kms) => {
        await kms.send(new DisableKeyRotationCommand({ KeyId: key }));
        return done(`automatic rotation of ${key} disabled`, {
          KeyId: key,
          KeyRotationEnabled: false,
        });
      }),
    );

  onKey('status')
    .description('whether and when the key rotates (GetKeyRotationStatus)')
    .action(async (key: string, o: KmsOptions) =>
      runKms('rotation status', o, async (kms) => {
        const r = withoutMetadata(await kms.send(new GetKeyRotationStatusCommand({ KeyId: key })));
        return recordOutput(r, [
          'KeyId',
          'KeyRotationEnabled',
          'RotationPeriodInDays',
          'NextRotationDate',
          'OnDemandRotationStartDate',
        ]);
      }),
    );

  onKey('rotate-now')
    .description('rotate the key material now (RotateKeyOnDemand)')
    .action(async (key: string, o: KmsOptions) =>
      runKms('rotation rotate-now', o, async (kms) => {
        const r = await kms.send(new RotateKeyOnDemandCommand({ KeyId: key }));
        return done(`rotation of ${r.KeyId} started`, withoutMetadata(r));
      }),
    );

  onKey('list')
    .description('the key’s completed rotations (ListKeyRotations, every page)')
    .action(async (key: string, o: KmsOptions) =>
      runKms('rotation list', o, async (kms) => {
        const rows = await allPages(async (Marker) => {
          const page = await kms.send(new ListKeyRotationsCommand({ KeyId: key, Marker }));
          return { ...page, items: page.Rotations };
        });
        return tableOutput(rows as (RotationsListEntry & Record<string, unknown>)[], [
          { header: 'RotationDate', value: (r) => cell(r.RotationDate) },
          { header: 'RotationType', value: (r) => cell(r.RotationType) },
          { header: 'KeyMaterialId', value: (r) => cell(r.KeyMaterialId) },
        ]);
      }),
    );
}
