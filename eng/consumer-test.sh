#!/usr/bin/env bash
# Installs the packed OneTimeLink.AspNetCore into a brand-new web project as a NuGet package (not a project
# reference), builds the README's quick start (eng/consumer/Program.cs), runs it, and drives register -> activate.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
app_pid=
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# A version of its own, so the package cache can never serve a package packed by an earlier run.
version="0.1.0-consumer.$(date +%s)"
dotnet pack "$repo/OneTimeLink.sln" -c Release -o "$work/packages" -p:Version="$version" --nologo -v quiet

mkdir "$work/app"
cd "$work/app"
dotnet new web --name Consumer --output . >/dev/null
# The local folder is added to the sources this machine already has; nothing else changes.
cat > nuget.config <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="onetimelink-local" value="$work/packages" />
  </packageSources>
</configuration>
CONFIG
dotnet add package OneTimeLink.AspNetCore --version "$version" >/dev/null
cp "$repo/eng/consumer/Program.cs" Program.cs
dotnet build -c Release --nologo -v quiet -warnaserror

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
export LINK_FILE="$work/link.txt"
ASPNETCORE_ENVIRONMENT=Development \
OneTimeLinks__Issuer="$base" OneTimeLinks__Audience=consumer-links \
OneTimeLinks__Keys__0__Id=consumer OneTimeLinks__Keys__0__Secret="$(openssl rand -base64 32)" \
PublicBaseUri="$base" \
    dotnet bin/Release/net10.0/Consumer.dll --urls "$base" > "$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 60); do curl -fs -o /dev/null -X POST "$base/account/resend-activation" -H 'Content-Type: application/json' -d '{"email":"probe@example.com"}' && break; sleep 0.5; done

status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$base/account/register" -H 'Content-Type: application/json' \
    -d '{"email":"consumer@example.com","password":"correct horse battery"}')
[ "$status" = 202 ] || { echo "register answered $status"; cat "$work/app.log"; exit 1; }
# The 202 is written before the account work and the mail, which run on the flows' background queue: wait for the link.
for _ in $(seq 1 100); do [ -s "$LINK_FILE" ] && break; sleep 0.1; done
[ -s "$LINK_FILE" ] || { echo "no activation link within 10 s of the 202"; cat "$work/app.log"; exit 1; }
link=$(cat "$LINK_FILE")
token=$(python3 -c 'import sys, urllib.parse as u; print(u.parse_qs(u.urlparse(sys.argv[1]).query)["token"][0])' "$link")
answer=$(curl -s -X POST "$base/account/activate" -H 'Content-Type: application/json' -d "{\"token\":\"$token\"}")
replay=$(curl -s -X POST "$base/account/activate" -H 'Content-Type: application/json' -d "{\"token\":\"$token\"}")
echo "consumer app: register 202, activate $answer, again $replay"
[ "$answer" = '{"status":"activated"}' ] && [ "$replay" = '{"status":"already_active"}' ]
