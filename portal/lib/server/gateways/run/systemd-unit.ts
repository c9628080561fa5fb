import { gatewaySlug, type RunTarget, SIDECAR_PACKAGE } from '../sidecar-setup';

/**
 * A bare host under systemd: the package installed globally (an npx wrapper would not pass signals on), the token
 * in a root-only file handed over as a credential, an unprivileged dynamic user, the cache in its state directory.
 */
export function systemdUnit(target: RunTarget): string {
  const slug = gatewaySlug(target.name);
  const unit = `gatehouse-${slug}`;
  return `sudo npm install -g ${SIDECAR_PACKAGE.name}@${SIDECAR_PACKAGE.version}
sudo install -d -m 0700 /etc/gatehouse
printf '%s\\n' '${target.token}' | sudo tee /etc/gatehouse/${slug}.token >/dev/null
sudo chmod 0600 /etc/gatehouse/${slug}.token
sudo tee /etc/systemd/system/${unit}.service >/dev/null <<'UNIT'
[Unit]
Description=Gatehouse sidecar ${target.name}
Wants=network-online.target
After=network-online.target

[Service]
DynamicUser=yes
StateDirectory=${unit}
LoadCredential=token:/etc/gatehouse/${slug}.token
ExecStart=/usr/bin/env gatehouse-sidecar --portal-url ${target.portalUrl} --portal-public-key ${target.publicKey} --token-file %d/token --listen 0.0.0.0:8080 --admin-listen 127.0.0.1:8081 --cache /var/lib/${unit}/sidecar.db
Restart=on-failure
TimeoutStopSec=30
NoNewPrivileges=yes
ProtectSystem=strict
ProtectHome=yes
PrivateTmp=yes

[Install]
WantedBy=multi-user.target
UNIT
sudo systemctl daemon-reload && sudo systemctl enable --now ${unit}`;
}
