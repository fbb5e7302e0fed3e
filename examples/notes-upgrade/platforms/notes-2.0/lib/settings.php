<?php
// Shared by every script and page of notes 2.0.0.
//
// One codebase serves many sites: tide writes each site's settings into
// TIDE_SITE_DIR/settings.json,
//   {"site": {"name", "url", "profile"}, "db": {"host", "port", "name", "user", "password"}},
// and hands TIDE_SITE_DIR to the commands in their environment and to PHP
// pages as a FastCGI parameter.

const NOTES_VERSION = '2.0.0';
/** The database schema this code creates and expects. */
const NOTES_SCHEMA = 2;

/** An error whose message is safe to show on a web page. */
class NotesError extends RuntimeException {}

// Warnings become exceptions, so that nothing half-works silently; and an
// error ends a command with its message on stderr and exit 1 (stdout stays
// clean for packages.php), or a page with HTTP 500. The messages never hold
// the database password: PDO does not put it in its errors.
set_error_handler(function (int $level, string $message, string $file, int $line): bool {
    if (!(error_reporting() & $level)) return false;  // silenced with @
    throw new ErrorException($message, 0, $level, $file, $line);
});
set_exception_handler(function (Throwable $e): void {
    if (PHP_SAPI === 'cli') {
        fwrite(STDERR, 'notes: ' . $e->getMessage() . "\n");
        exit(1);
    }
    error_log('notes: ' . $e->getMessage());
    http_response_code(500);
    header('Content-Type: text/plain; charset=utf-8');
    echo 'Notes: ', $e instanceof NotesError ? $e->getMessage() : 'this site is unavailable.', "\n";
});

/** The site directory: from the environment (commands) or the vhost (pages); '' when neither sets it. */
function notes_site_dir(): string {
    return (string) (getenv('TIDE_SITE_DIR') ?: ($_SERVER['TIDE_SITE_DIR'] ?? ''));
}

function notes_settings(): array {
    $dir = notes_site_dir();
    if ($dir === '' || !is_readable("$dir/settings.json")) {
        throw new NotesError('this site has no settings (TIDE_SITE_DIR is not set or has no readable settings.json).');
    }
    return json_decode(file_get_contents("$dir/settings.json"), true, 512, JSON_THROW_ON_ERROR);
}

function notes_db(array $settings): PDO {
    $db = $settings['db'];
    $dsn = sprintf('mysql:host=%s;port=%d;dbname=%s;charset=utf8mb4', $db['host'], $db['port'], $db['name']);
    return new PDO($dsn, $db['user'], $db['password'], [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
}

/** The schema the site's database is at (meta.schema); 0 when the site is not installed. */
function notes_schema(PDO $pdo): int {
    try {
        $value = $pdo->query("SELECT value FROM meta WHERE name = 'schema'")->fetchColumn();
    } catch (PDOException $e) {
        if ($e->getCode() === '42S02') return 0;  // no meta table yet
        throw $e;
    }
    return $value === false ? 0 : (int) $value;
}

/** A note's slug (new in schema 2): its title in lower case, each run of other characters than a-z and 0-9 a '-'. */
function notes_slug(string $title): string {
    return trim(preg_replace('/[^a-z0-9]+/', '-', strtolower($title)), '-');
}
