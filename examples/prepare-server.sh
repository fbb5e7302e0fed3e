#!/bin/sh
# Prepares a Debian or Ubuntu server for tide, the way Aegir's install guide
# prepares one for its `aegir` user. Run it as root; running it again changes
# nothing that is already right.
#
#   1. the deploy user tide logs in as (an ordinary user, in the web group)
#   2. the server root and the vhost directory, owned by that user
#   3. the line that makes the web server include the vhost directory
#   4. a sudoers entry allowing exactly the check and reload commands
#      (checked with `visudo -c` before it is put in place)
#   5. optionally, a public key allowed to log in as the user
#   6. with --php-pools: the helper that makes per-site php-fpm pools
#      (tide-php-pool, beside this script; Server php.isolation: per-site),
#      its settings for this user, and the user's sudo for it
#
# Then it prints the Server settings to put in the fleet.
#
# Usage: prepare-server.sh [options]
#   --user NAME           deploy user (default: tide)
#   --group NAME          group the web server and PHP run as (default: www-data)
#   --root DIR            server root: platforms, sites, backups (default: /var/tide)
#   --home DIR            the user's home, where ~/.ssh goes (default: the root)
#   --web-server TYPE     nginx or apache (default: nginx)
#   --vhost-dir DIR       where tide writes vhosts (default: /etc/nginx/tide.d or /etc/apache2/tide.d)
#   --include-file PATH   file holding the include line (default: /etc/nginx/conf.d/tide.conf
#                         or /etc/apache2/conf-enabled/tide.conf)
#   --check CMD           the web server's config test (default: nginx -t, apachectl configtest)
#   --reload CMD          the web server's reload (default: nginx -s reload, apachectl graceful)
#   --sudoers-file PATH   where the sudoers entry goes (default: /etc/sudoers.d/tide-USER)
#   --authorized-key FILE a public key to allow for the user (appended to ~/.ssh/authorized_keys once)
#   --no-install          do not apt-get install sudo or curl when they are missing
#   --php-pools           install tide-php-pool for per-site PHP isolation; with:
#   --php-pool-helper PATH  where it goes (default: /usr/local/sbin/tide-php-pool)
#   --php-pool-conf-dir DIR its settings, one file per deploy user (default: /etc/tide-php-pool)
#   --php-pool-dir DIR      php-fpm's pool directory (default: the newest /etc/php/*/fpm/pool.d)
#   --php-socket-dir DIR    where pools listen (default: /run/php)
#   --php-tmp-dir DIR       parent of each site's temp directory (default: /var/lib/tide-php-pool)
#   --php-reload CMD        reloads php-fpm (default: systemctl reload phpVERSION-fpm)
#   --php-check CMD         tests php-fpm's configuration (default: php-fpmVERSION -t)
set -eu

user=tide
group=www-data
root=/var/tide
home=
web=nginx
vhost_dir=
include_file=
check=
reload=
sudoers_file=
authorized_key=
install=yes
php_pools=no
pool_helper=/usr/local/sbin/tide-php-pool
pool_conf_dir=/etc/tide-php-pool
pool_dir=
pool_socket_dir=/run/php
pool_tmp_dir=/var/lib/tide-php-pool
pool_reload=
pool_check=

die() { echo "prepare-server: $*" >&2; exit 2; }
need() { [ $# -ge 2 ] || die "$1 needs a value"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --user) need "$@"; user=$2; shift 2 ;;
    --group) need "$@"; group=$2; shift 2 ;;
    --root) need "$@"; root=$2; shift 2 ;;
    --home) need "$@"; home=$2; shift 2 ;;
    --web-server) need "$@"; web=$2; shift 2 ;;
    --vhost-dir) need "$@"; vhost_dir=$2; shift 2 ;;
    --include-file) need "$@"; include_file=$2; shift 2 ;;
    --check) need "$@"; check=$2; shift 2 ;;
    --reload) need "$@"; reload=$2; shift 2 ;;
    --sudoers-file) need "$@"; sudoers_file=$2; shift 2 ;;
    --authorized-key) need "$@"; authorized_key=$2; shift 2 ;;
    --no-install) install=no; shift ;;
    --php-pools) php_pools=yes; shift ;;
    --php-pool-helper) need "$@"; pool_helper=$2; shift 2 ;;
    --php-pool-conf-dir) need "$@"; pool_conf_dir=$2; shift 2 ;;
    --php-pool-dir) need "$@"; pool_dir=$2; shift 2 ;;
    --php-socket-dir) need "$@"; pool_socket_dir=$2; shift 2 ;;
    --php-tmp-dir) need "$@"; pool_tmp_dir=$2; shift 2 ;;
    --php-reload) need "$@"; pool_reload=$2; shift 2 ;;
    --php-check) need "$@"; pool_check=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done

case "$web" in
  nginx)
    : "${vhost_dir:=/etc/nginx/tide.d}" "${include_file:=/etc/nginx/conf.d/tide.conf}"
    : "${check:=nginx -t}" "${reload:=nginx -s reload}"
    include_line="include $vhost_dir/*.conf;" ;;
  apache)
    : "${vhost_dir:=/etc/apache2/tide.d}" "${include_file:=/etc/apache2/conf-enabled/tide.conf}"
    : "${check:=apachectl configtest}" "${reload:=apachectl graceful}"
    include_line="IncludeOptional $vhost_dir/*.conf" ;;
  *) die "--web-server must be nginx or apache, not $web" ;;
esac
: "${home:=$root}" "${sudoers_file:=/etc/sudoers.d/tide-$user}"

[ "$(id -u)" = 0 ] || die "run me as root"
# Names that end up in sudoers and in paths: keep them plain.
echo "$user" | grep -Eq '^[a-z_][a-z0-9_-]{0,31}$' || die "--user $user is not a plain user name"
echo "$group" | grep -Eq '^[a-z_][a-z0-9_-]{0,31}$' || die "--group $group is not a plain group name"
for dir in "$root" "$home" "$vhost_dir" "$include_file" "$sudoers_file" "$pool_helper" "$pool_conf_dir" "$pool_socket_dir" "$pool_tmp_dir"; do
  case "$dir" in /*) ;; *) die "$dir is not an absolute path" ;; esac
done
case "$(basename "$sudoers_file")" in *.*|*~) die "sudo ignores files in sudoers.d whose name has a dot or ends in ~: $sudoers_file" ;; esac

say() { echo "prepare-server: $*"; }

# sudo is missing from minimal Debian images.
if ! command -v sudo >/dev/null 2>&1 || ! command -v visudo >/dev/null 2>&1; then
  [ "$install" = yes ] || die "sudo is not installed (apt-get install sudo)"
  say "installing sudo"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends sudo >/dev/null
fi
# After each reload tide asks the web server (curl or wget to 127.0.0.1) whether the new vhost answers.
if ! command -v curl >/dev/null 2>&1 && ! command -v wget >/dev/null 2>&1; then
  [ "$install" = yes ] || die "neither curl nor wget is installed (apt-get install curl)"
  say "installing curl"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl >/dev/null
fi

# 1. The web group and the deploy user in it.
getent group "$group" >/dev/null || { say "creating group $group"; groupadd --system "$group"; }
if ! getent passwd "$user" >/dev/null; then
  say "creating user $user (home $home)"
  # Password "*": no password login, but not a locked account, which sshd
  # refuses even by key when it runs without PAM.
  useradd --system --user-group --home-dir "$home" --no-create-home --shell /bin/bash --password '*' "$user"
fi
if ! id -nG "$user" | tr ' ' '\n' | grep -qx "$group"; then
  say "adding $user to group $group"
  usermod -a -G "$group" "$user"
fi
case "$(getent shadow "$user" | cut -d: -f2)" in
  '!'|'!!'|'!*') say "unlocking $user for key logins (no password)"; usermod -p '*' "$user" ;;
esac

# 2. Directories the user owns: the root (and home), the vhost directory.
for dir in "$root" "$home" "$vhost_dir"; do
  mkdir -p "$dir"
  chown "$user:$user" "$dir"
  chmod 0755 "$dir"
done

# 3. The web server includes the vhost directory.
mkdir -p "$(dirname "$include_file")"
if ! grep -qxF "$include_line" "$include_file" 2>/dev/null; then
  say "writing the include line to $include_file"
  printf '# Written by prepare-server.sh: the vhosts tide manages.\n%s\n' "$include_line" >> "$include_file"
fi

# 6 (before the sudoers entry names it). The per-site pool helper: root's, with
# its settings directory fixed inside it, so no caller can point it elsewhere.
if [ "$php_pools" = yes ]; then
  helper_source="$(dirname "$0")/tide-php-pool"
  [ -f "$helper_source" ] || die "tide-php-pool is not beside this script ($helper_source)"
  if [ -z "$pool_dir" ]; then
    pool_dir=$(ls -d /etc/php/*/fpm/pool.d 2>/dev/null | sort -V | tail -n 1)
    [ -n "$pool_dir" ] || die "no /etc/php/*/fpm/pool.d: install php-fpm, or give --php-pool-dir"
  fi
  version=$(echo "$pool_dir" | sed -n 's|^/etc/php/\([0-9.]*\)/fpm/pool.d$|\1|p')
  if [ -z "$pool_reload" ] || [ -z "$pool_check" ]; then
    [ -n "$version" ] || die "give --php-reload and --php-check for the pool directory $pool_dir"
    : "${pool_reload:=systemctl reload php$version-fpm}" "${pool_check:=php-fpm$version -t}"
  fi
  for value in "$pool_dir" "$pool_socket_dir" "$pool_tmp_dir" "$pool_reload" "$pool_check" "$root"; do
    case "$value" in *"
"*) die "a --php-* value holds a line break" ;; esac
  done
  mkdir -p "$(dirname "$pool_helper")" "$pool_conf_dir" "$pool_dir" "$pool_tmp_dir"
  chmod 0755 "$pool_conf_dir"
  chmod 0711 "$pool_tmp_dir"
  tmp=$(mktemp "$pool_helper.XXXXXX")
  sed "s|^CONF_DIR=.*|CONF_DIR=$pool_conf_dir|" "$helper_source" > "$tmp"
  chown root:root "$tmp"
  chmod 0755 "$tmp"
  mv -f "$tmp" "$pool_helper"
  conf="$pool_conf_dir/$user.conf"
  printf '# Written by prepare-server.sh: the per-site PHP pools of %s.\nroot=%s\npool_dir=%s\nsocket_dir=%s\ntmp_dir=%s\nweb_group=%s\nreload=%s\ncheck=%s\n' \
    "$user" "$root" "$pool_dir" "$pool_socket_dir" "$pool_tmp_dir" "$group" "$pool_reload" "$pool_check" > "$conf.tmp"
  chown root:root "$conf.tmp"
  chmod 0644 "$conf.tmp"
  mv -f "$conf.tmp" "$conf"
  say "installed $pool_helper (settings for $user in $conf)"
fi

# 4. sudo for exactly the check and reload commands, by absolute path (sudo
# matches the program and its arguments as written here).
absolute() {
  program=${1%% *}
  case "$1" in *" "*) args=" ${1#* }" ;; *) args= ;; esac
  path=$(command -v "$program" 2>/dev/null || true)
  case "$path" in /*) ;; *) die "cannot find $program (from \"$1\") on PATH" ;; esac
  # Characters sudoers gives a meaning to in a command line.
  printf '%s%s' "$path" "$args" | sed 's/[\\,:=]/\\&/g'
}
allowed="$(absolute "$check"), $(absolute "$reload")"
[ "$php_pools" = no ] || allowed="$allowed, $pool_helper"
entry=$(printf '# Written by prepare-server.sh: %s may test and reload the web server%s, nothing else.\n%s ALL=(root) NOPASSWD: %s\n' \
  "$user" "$([ "$php_pools" = no ] || echo ' and manage per-site PHP pools')" "$user" "$allowed")
if [ "$(cat "$sudoers_file" 2>/dev/null || true)" != "$entry" ]; then
  tmp=$(mktemp "${sudoers_file%/*}/.tide-sudoers.XXXXXX")
  printf '%s\n' "$entry" > "$tmp"
  chmod 0440 "$tmp"
  visudo -c -q -f "$tmp" || { rm -f "$tmp"; die "visudo rejected the sudoers entry for $user"; }
  mv -f "$tmp" "$sudoers_file"
  say "wrote $sudoers_file"
fi
visudo -c -q || die "visudo -c fails for the whole sudoers configuration"

# 5. A key allowed to log in as the user.
if [ -n "$authorized_key" ]; then
  key=$(cat "$authorized_key")
  ssh_dir="$home/.ssh"
  mkdir -p "$ssh_dir"
  touch "$ssh_dir/authorized_keys"
  grep -qxF "$key" "$ssh_dir/authorized_keys" || printf '%s\n' "$key" >> "$ssh_dir/authorized_keys"
  chown -R "$user:$user" "$ssh_dir"
  chmod 0700 "$ssh_dir"
  chmod 0600 "$ssh_dir/authorized_keys"
fi

say "done. The Server in the fleet:"
cat <<EOF
  user: $user
  root: $root
  webGroup: $group
  services:
    http:
      type: $web
      configDir: $vhost_dir
      check: "$check"
      reload: "$reload"
      sudo: true
EOF
[ "$php_pools" = no ] || cat <<EOF
  php:
    isolation: per-site      # or shared here, and per-site on chosen Platforms
    poolHelper: $pool_helper
    poolSocketDir: $pool_socket_dir
EOF
