// The two programs a long-lived remote shell can run (shell-frames.ts has
// the requests and responses they share). Both are fixed text: no value of
// any command ever appears on their command line.
//
// perl (the usual one): `perl-base` is Essential on Debian and Ubuntu, so
// /usr/bin/perl is on every such host. One perl process reads each request
// exactly (lengths, not delimiters), forks ONE child per command that calls
// setpgrp() (a process group of its own), takes the environment, cds and
// execs `sh -c COMMAND`, and relays
// the child's stdout and stderr (pipes of its own) to the channel as they
// come, with select(); it writes the stdin bytes (raw, from the request) into
// the child's stdin pipe in the same loop, so a command that prints before it
// reads cannot deadlock. It reports the pid and the exit status itself. So a
// command costs one process (sh, or the program dash execs in its place).
// It loads no module but Fcntl and Errno (small): POSIX takes ~15 ms of the
// server's CPU to load, paid by every shell (two loads each, when the
// login shell's probe loaded it too); a perl without them runs the sh loop
// (the perl loop's first argument) in its place.
//
// sh (the fallback, when there is no working perl): a POSIX sh loop that
// reads a shell script per command with `head -c` and evaluates it in a
// subshell that execs `setsid sh -c COMMAND`, its output relayed by two
// `cat`s, stdin as base64 in a here-document: about seven processes per
// command, ten with stdin. It is kept because tide must work on any host
// with a POSIX shell.
//
// The login shell picks one once per shell (`perl -e 1` proves a perl that
// runs), and the loop names itself in its ready line, so tide knows which
// requests it reads before it sends one. Server verify records the perl it
// found (PERL_VERSION_COMMAND), or that there is none.

import { randomBytes } from 'node:crypto';
import { shellQuote } from './types.js';

export type ShellLoopKind = 'perl' | 'sh';

/** Starts the ready line each loop prints once on stdout and stderr: what a noisy .bashrc printed before it is dropped. */
export const SHELL_READY_PREFIX = '\x1etide-shell-ready ';

/** Exit status of a loop given a request cut short or malformed: it runs nothing of it. */
export const REQUEST_BROKEN = 125;

/** The last word of each loop's command line: how a test finds the loop among processes. */
export const SHELL_NAME = 'tide-shell';

// fd 5 and 6 keep the channel's stdout and stderr; the command gets neither
// them nor fd 3/4 (the relay pipe and the status pipe), so a process it
// leaves behind holds no pipe but its own output, and the loop waits for that.
const SH_LOOP = [
  'exec 5>&1 6>&2',
  `printf '\\036tide-shell-ready sh\\n'; printf '\\036tide-shell-ready sh\\n' >&2`,
  `while IFS=' ' read -r b n; do`,
  // The script ends with "#<boundary>", so $(...) strips no newline of it.
  '  s=$(head -c "$n")',
  `  case $s in *"#$b") ;; *) exit ${REQUEST_BROKEN} ;; esac`,
  // The subshell runs in the background only to learn its pid ($!): it
  // execs setsid (no fork: it is no group leader), so $! is the command's
  // process group, reported first on stderr.
  `  c=$( { { { ( eval "$s" ) </dev/null 3>&- 4>&- 5>&- 6>&- & printf '\\036tide-pid:%s\\n' $! >&2; wait $!; echo $? >&4; } 2>&1 >&3 3>&- | cat >&6; } 3>&1 | cat >&5; } 4>&1 )`,
  `  printf '%s%s\\n' "$b" "$c"`,
  `  printf '%s\\n' "$b" >&2`,
  'done',
].join('\n');

// Request: "<boundary> <meta length> <stdin length>\n", then the meta
// (command, "-" or "+CWD", the number of files and 9 fields each,
// NAME=VALUE..., boundary; NUL-separated), then the stdin bytes.
//
// Files (ExecOptions.files): the bytes of each file the command writes from
// its stdin are taken out of the stdin, and the loop writes the file itself
// when the command asks for it: the command writes the file's id on fd 3 and
// reads the answer on fd 4 ("0", or "1 " and why not; fileCallCommand),
// builtins only, where it would fork `head` and `mv` (each about 10 ms of a
// server's CPU). The child has the two pipes, and TIDE_FILES (the ids, so a
// stale one never matches), only when the request has files. A write is the
// shell's: parent directories as `mkdir -p`; `new` created in place
// (O_EXCL), `put` a temp file beside it renamed over it (removed on
// failure), both with the mode through the umask (never more open on the
// way); `rm` removed if there; `dir` made as `install -d -g GROUP -m MODE`
// makes it (0700, its group, then its mode). With `report`, what the file held is printed
// first on stdout ("<report>:1", base64, "<report>:end"; "<report>:0" when
// nothing). Opens never block (O_NONBLOCK: a FIFO fails, it does not hang
// the loop), and what is read back must be a regular file. Perl opens its pipes close-on-exec, so the child keeps only
// its own three. SIGPIPE is ignored by the loop (a command that does not read
// its stdin must not kill it) and restored for the command. The child leaves
// with `exit` where a failure stops it before its exec: the loop has no END
// block and writes nothing buffered (syswrite), so there is nothing to flush
// twice.
const PERL_LOOP = [
  // Before anything else runs: without the two modules, the sh loop (its text is the first argument).
  `BEGIN { eval { require Fcntl; require Errno; 1 } or do { exec { "sh" } "sh", "-c", $ARGV[0], "${SHELL_NAME}"; exit 127 } }`,
  'use strict; $SIG{PIPE} = "IGNORE"; binmode STDIN;',
  'sub put { my ($fh, $s) = @_; while (length $s) { my $w = syswrite $fh, $s; exit 124 unless $w; substr($s, 0, $w) = "" } }',
  `sub take { my $s = ""; while (length $s < $_[0]) { read(STDIN, $s, $_[0] - length $s, length $s) or exit ${REQUEST_BROKEN} } $s }`,
  // base64 without MIME::Base64 (not in perl-base): uuencode's alphabet mapped onto base64's, its padding made "=".
  'sub b64 { my $u = join "", map { substr pack("u", $_), 1, -1 } unpack "(a45)*", $_[0]; $u =~ tr{`!-_}{A-Za-z0-9+/}; my $p = (3 - length($_[0]) % 3) % 3; substr($u, -$p) = "=" x $p if $p; $u }',
  'sub mkdirs { my $d = shift; return 1 if -d $d; (my $up = $d) =~ s{/*[^/]+/*\\z}{}; mkdirs($up) if length $up; mkdir $d or -d $d }',
  'sub refused { my $why = join "", @_; $why =~ tr/\\n/ /; "1 $why" }',
  // A file of the request ([id, op, mode, at, length, path, tmp, label, group, bytes]) written: "0", or "1 why".
  'sub file {',
  '  my $f = shift; return refused "no such file in the request" if !$f || $f->[10]++;',
  '  my (undef, $op, $mode, undef, undef, $path, $tmp, $label, $group, $bytes) = @$f;',
  '  if (length $label) {',
  '    my $old;',
  '    if (-e $path) {',
  '      -f _ or return refused "cannot read $path: not a regular file";',
  '      sysopen my $fh, $path, Fcntl::O_RDONLY() | Fcntl::O_NONBLOCK() or return refused "cannot read $path: $!";',
  '      $old = ""; while (1) { my $k = sysread $fh, $old, 65536, length $old; defined $k or return refused "cannot read $path: $!"; last unless $k }',
  '    }',
  '    put \\*STDOUT, defined $old ? "$label:1\\n" . b64($old) . "\\n$label:end\\n" : "$label:0\\n$label:end\\n";',
  '  }',
  '  if ($op eq "rm") { return unlink($path) || $! == Errno::ENOENT() ? "0" : refused "cannot remove $path: $!" }',
  '  (my $dir = $path) =~ s{/+[^/]*\\z}{}; $dir = "/" if $dir eq "" && $path =~ m{^/};',
  '  $path !~ m{/} || mkdirs($dir) or return refused "cannot create directory $dir: $!";',
  // As `install -d -g GROUP -m MODE` (then `mkdir -m MODE` in it): made 0700, given its group, then its mode.
  '  if ($op eq "dir") {',
  '    mkdir $path, 0700 or return refused "cannot create directory $path: $!";',
  '    if (length $group) {',
  '      my $gid = getgrnam $group; defined $gid or return refused "invalid group $group";',
  '      chown -1, $gid, $path or return refused "cannot change the group of $path: $!";',
  '    }',
  '    return chmod(oct $mode, $path) ? "0" : refused "cannot change the mode of $path: $!";',
  '  }',
  '  my $to = $op eq "new" ? $path : $tmp; my $was = umask(~oct($mode) & 0777);',
  '  my $open = sysopen my $fh, $to, Fcntl::O_WRONLY() | Fcntl::O_CREAT() | Fcntl::O_NONBLOCK() | ($op eq "new" ? Fcntl::O_EXCL() : Fcntl::O_TRUNC());',
  '  umask $was; $open or return refused "cannot create $to: $!";',
  '  my ($at, $why) = (0);',
  '  while ($at < length $bytes) { my $w = syswrite $fh, $bytes, 65536, $at; $w or do { $why = "cannot write $to: $!"; last }; $at += $w }',
  '  close $fh or $why //= "cannot write $to: $!";',
  '  $why //= "cannot move $tmp to $path: $!" if $op eq "put" && !rename $tmp, $path;',
  '  return "0" unless defined $why;',
  '  unlink $tmp if $op eq "put"; refused $why',
  '}',
  'put \\*STDOUT, "\\x1etide-shell-ready perl\\n"; put \\*STDERR, "\\x1etide-shell-ready perl\\n";',
  'while (defined(my $head = <STDIN>)) {',
  `  my ($b, $m, $n) = $head =~ /^(\\S+) (\\d+) (\\d+)\\n\\z/ or exit ${REQUEST_BROKEN};`,
  '  my @f = split /\\0/, take($m), -1; my $in = take($n);',
  `  @f >= 4 && pop(@f) eq $b or exit ${REQUEST_BROKEN};`,
  '  my ($cmd, $cwd, $nf, @env) = @f;',
  `  $nf =~ /^\\d+\\z/ && @env >= 9 * $nf or exit ${REQUEST_BROKEN};`,
  '  my @files = map { [splice @env, 0, 9] } 1 .. $nf; my %file; my $end = 0;',
  // Ranges of the stdin, in order; taken out from the last one, so the offsets before it still hold.
  '  for (@files) {',
  `    $_->[2] =~ /^[0-7]{1,4}\\z/ && "$_->[3] $_->[4]" =~ /^\\d+ \\d+\\z/ && $_->[3] >= $end && ($end = $_->[3] + $_->[4]) <= length $in or exit ${REQUEST_BROKEN};`,
  '    $file{$_->[0]} = $_;',
  '  }',
  '  push @$_, substr $in, $_->[3], $_->[4], "" for reverse @files;',
  '  pipe(my $or, my $ow) && pipe(my $er, my $ew) && pipe(my $ir, my $iw) or exit 126;',
  '  my ($cr, $cw, $ar, $aw); !@files or pipe($cr, $cw) && pipe($ar, $aw) or exit 126;',
  '  my $pid = fork; defined $pid or exit 126;',
  '  if (!$pid) {',
  '    $SIG{PIPE} = "DEFAULT"; setpgrp 0, 0;',
  '    open(STDIN, "<&", $ir) && open(STDOUT, ">&", $ow) && open(STDERR, ">&", $ew) or exit 126;',
  '    for (@env) { my ($k, $v) = split /=/, $_, 2; $ENV{$k} = $v }',
  '    delete $ENV{TIDE_FILES};',
  // The calls' pipes on fd 3 (to the loop) and 4 (its answers), kept across exec (their handles live until it).
  '    my ($c3, $c4);',
  '    if (@files) {',
  '      close $_ for $or, $ow, $er, $ew, $ir, $iw, $cr, $aw;',
  '      open($c3, ">&", $cw) && open($c4, "<&", $ar) && fileno $c3 == 3 && fileno $c4 == 4 or exit 126;',
  '      fcntl $_, Fcntl::F_SETFD(), 0 for $c3, $c4; $ENV{TIDE_FILES} = join " ", keys %file;',
  '    }',
  '    if ($cwd ne "-") { $cwd = substr $cwd, 1; chdir $cwd or do { print STDERR "cannot cd to $cwd: $!\\n"; exit 1 } }',
  '    exec { "sh" } "sh", "-c", $cmd; print STDERR "cannot run sh: $!\\n"; exit 127;',
  '  }',
  '  close $ow; close $ew; close $ir; put \\*STDERR, "\\x1etide-pid:$pid\\n";',
  '  if (@files) { close $cw; close $ar } my $calls = "";',
  '  my %out = (fileno $or, [$or, \\*STDOUT], fileno $er, [$er, \\*STDERR]); my $at = 0;',
  '  if (length $in) { fcntl $iw, Fcntl::F_SETFL(), Fcntl::O_NONBLOCK() } else { close $iw; $iw = undef }',
  '  while (%out || $iw) {',
  '    my ($r, $w) = ("", ""); vec($r, $_, 1) = 1 for keys %out; vec($w, fileno $iw, 1) = 1 if $iw; vec($r, fileno $cr, 1) = 1 if $cr;',
  '    next if select($r, $w, undef, undef) < 0;',
  // A call: the file is written, the answer goes back (a command that is gone gets none: no SIGPIPE, no put).
  '    if ($cr && vec($r, fileno $cr, 1)) {',
  '      my $k = sysread $cr, $calls, 4096, length $calls;',
  '      if ($k) { syswrite $aw, file($file{$1}) . "\\n" while $calls =~ s/^([^\\n]*)\\n// } elsif (defined $k || $! != Errno::EINTR()) { close $cr; $cr = undef }',
  '    }',
  '    if ($iw && vec($w, fileno $iw, 1)) {',
  // EAGAIN: try again; any other failure (EPIPE: the command stopped reading) ends its input.
  '      my $k = syswrite $iw, $in, 65536, $at;',
  '      if (defined $k) { $at += $k } elsif ($! != Errno::EAGAIN()) { $at = length $in }',
  '      if ($at >= length $in) { close $iw; $iw = undef }',
  '    }',
  '    for my $fd (keys %out) {',
  '      next unless vec($r, $fd, 1);',
  '      my $k = sysread $out{$fd}[0], my $buf, 65536;',
  '      if ($k) { put $out{$fd}[1], $buf } elsif (defined $k || $! != Errno::EINTR()) { close $out{$fd}[0]; delete $out{$fd} }',
  '    }',
  '  }',
  '  close $cr if $cr; close $aw if $aw;',
  '  waitpid $pid, 0; my $st = $? & 127 ? 128 + ($? & 127) : $? >> 8;',
  '  put \\*STDOUT, "$b$st\\n"; put \\*STDERR, "$b\\n";',
  '}',
].join('\n');

/** The sh loop's command line, for a login shell: the fallback, also run alone by the tests. */
export const SH_SHELL_COMMAND = `exec sh -c ${shellQuote(SH_LOOP)} ${SHELL_NAME}`;

/** The perl loop's command line, for a login shell (the sh loop's text rides as its first argument). */
export const PERL_SHELL_COMMAND = `exec perl -e ${shellQuote(PERL_LOOP)} ${shellQuote(SH_LOOP)} ${SHELL_NAME}`;

/** Succeeds where a perl runs: the login shell's probe, before the loop (which checks its modules itself). */
const PERL_RUNS = 'perl -e 1 >/dev/null 2>&1';

/** The channel's command line: the same for every shell, no value in it. */
export const SHELL_COMMAND = `if ${PERL_RUNS}; then ${PERL_SHELL_COMMAND}; fi; ${SH_SHELL_COMMAND}`;

/** What server verify records as the `perl` version: the perl the shells run, or none (they run the sh loop). */
export const PERL_NONE = "none: tide's shells run the sh loop (about 7 processes per command)";

/** Prints the version of the perl the loop would run ("5.36.0"), or PERL_NONE: a perl that runs, with the loop's modules. */
export const PERL_VERSION_COMMAND = `if perl -MFcntl -MErrno -e 1 >/dev/null 2>&1; then perl -e 'printf "%vd\\n", $^V'; else echo ${shellQuote(PERL_NONE)}; fi`;

/** Names a file of a command's ExecOptions.files (fileCallCommand asks for it by this id). */
export function newFileId(): string {
  return randomBytes(6).toString('hex');
}

/**
 * Shell that has the perl loop write the files `ids` (ExecOptions.files;
 * shell words: literal ids or "$2"), one after the other, when it serves
 * them, and runs `otherwise` (which does the same from the stdin, or with
 * coreutils) when not: the sh loop, a command of its own, a local shell.
 * Builtins only on the loop's way; `s` is the only variable it sets. Fails,
 * with the loop's reason on stderr, at the first write that failed.
 */
export function fileCallCommand(ids: readonly string[], otherwise: string): string {
  const calls = ids.map((id) => `s='1 the shell did not answer'; printf '%s\\n' ${id} >&3 && IFS= read -r s <&4; ` +
    `[ "$s" = 0 ] || { printf '%s\\n' "\${s#1 }" >&2; false; }`);
  return `case " \${TIDE_FILES-} " in *" ${ids[0]} "*) { ${calls.join('; } && { ')}; } ;; *) ${otherwise} ;; esac`;
}
