import type { RunTarget } from '../sidecar-setup';
import { dockerCommand } from './docker-command';
import { kubernetesManifest } from './kubernetes-manifest';
import { npxCommand } from './npx-command';
import { systemdUnit } from './systemd-unit';

/** Each way to run one gateway's sidecar, complete and ready to paste; the only place its token is ever printed. */
export interface RunCommands {
  npx: string;
  docker: string;
  kubernetes: string;
  systemd: string;
}

export function sidecarRunCommands(target: RunTarget): RunCommands {
  return { npx: npxCommand(target), docker: dockerCommand(target), kubernetes: kubernetesManifest(target), systemd: systemdUnit(target) };
}
