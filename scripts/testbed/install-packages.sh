#!/usr/bin/env bash
# Installs the Debian packages the test bed needs, only those missing.
# `apt-get update` runs once, and only when something has to be installed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PACKAGES=(
  mosquitto mosquitto-clients                       # MQTT broker for the center-link tests
  pcscd libpcsclite1 vsmartcard-vpcd                # PC/SC daemon and the virtual reader driver
  python3-virtualsmartcard python3-pycryptodome     # the vicc card emulator and its crypto
  softhsm2 opensc                                   # PKCS#11 token and pkcs11-tool/opensc-tool
  cups cups-client cups-bsd                         # printing to a file: queue
  openssl python3-asn1crypto python3-cryptography   # independent SOD/CMS checks
  zbar-tools                                        # zbarimg reads the card-face QR code
  socat                                             # linked pseudo-terminals for serial sensors
  fonts-dejavu-core libfontconfig1                  # SkiaSharp text on the card face
  systemd                                           # systemd-analyze verify for the unit file
)

missing=()
for package in "${PACKAGES[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)"
  if [[ "$status" != "install ok installed" ]]; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} == 0)); then
  tb_log "all ${#PACKAGES[@]} Debian packages present"
  exit 0
fi

if ((EUID != 0)); then
  tb_die "missing Debian packages: ${missing[*]}; run as root or: sudo apt-get install ${missing[*]}"
fi
tb_log "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends "${missing[@]}"
