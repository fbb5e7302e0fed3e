<?php
// Brings a site's database up to this code's schema (3) after a migrate,
// clone or restore put older data beside this code: 1 → 2 as in notes 2.0,
// then 2 → 3.
//
// THIS RELEASE IS BROKEN ON PURPOSE: its 2 → 3 step fails half way, after
// adding the pinned column, to show a migrate that tide rolls back.
//
// MariaDB commits each ALTER TABLE on its own: there is no transaction
// around a schema change, so a step that fails leaves the steps before it
// done. tide backs the site up before a migrate and restores that backup
// when this command fails.
require __DIR__ . '/../lib/settings.php';

$pdo = notes_db(notes_settings());
$schema = notes_schema($pdo);
if ($schema === 0) {
    throw new NotesError('the database has no notes schema: install the site first');
}
if ($schema > NOTES_SCHEMA) {
    // Old code cannot know what a newer schema means; the way back is a backup.
    throw new NotesError("database schema $schema is newer than this code (" . NOTES_SCHEMA . '); cannot downgrade');
}
if ($schema === NOTES_SCHEMA) {
    echo "schema $schema is current\n";
    exit(0);
}

if ($schema < 2) {
    // Schema 1 → 2: every note gets a unique slug made from its title.
    // IF NOT EXISTS lets the update run again after a failed attempt.
    $pdo->exec('ALTER TABLE notes ADD COLUMN IF NOT EXISTS slug VARCHAR(200) NULL');
    $notes = $pdo->query('SELECT id, title FROM notes ORDER BY id')->fetchAll(PDO::FETCH_ASSOC);
    $fill = $pdo->prepare('UPDATE notes SET slug = ? WHERE id = ?');
    foreach ($notes as $note) {
        $fill->execute([notes_slug($note['title']), $note['id']]);
    }
    echo 'schema 1 → 2: slugs for ' . count($notes) . " notes\n";
    try {
        $pdo->exec('ALTER TABLE notes MODIFY slug VARCHAR(200) NOT NULL, ADD UNIQUE KEY notes_slug (slug)');
    } catch (PDOException $e) {
        // Two titles that differ only in case or punctuation give one slug:
        // say which, so that someone can rename a note and migrate again.
        $duplicates = $pdo->query('SELECT slug, GROUP_CONCAT(id ORDER BY id) FROM notes GROUP BY slug HAVING COUNT(*) > 1 ORDER BY slug')
            ->fetchAll(PDO::FETCH_KEY_PAIR);
        if (!$duplicates) throw $e;
        $list = implode('; ', array_map(fn ($slug, $ids) => "slug '$slug' (notes $ids)", array_keys($duplicates), $duplicates));
        throw new NotesError("update to schema 2 failed: notes have duplicate slugs, which must be unique: $list;"
            . ' rename one of each and run the update again (schema is still 1)');
    }
    $pdo->exec("REPLACE INTO meta (name, value) VALUES ('schema', '2')");
    echo "schema 1 → 2: done\n";
}

// Schema 2 → 3: notes can be pinned.
$pdo->exec('ALTER TABLE notes ADD COLUMN IF NOT EXISTS pinned TINYINT NOT NULL DEFAULT 0');
echo "schema 2 → 3: added notes.pinned\n";
try {
    // The bug: the development branch called the column is_pinned, and this
    // statement, meant to carry its values over, was never updated.
    $pdo->exec('UPDATE notes SET pinned = 1 WHERE is_pinned = 1');
} catch (PDOException $e) {
    throw new NotesError('update to schema 3 failed half way (notes.pinned added, schema is still 2): ' . $e->getMessage());
}
$pdo->exec("REPLACE INTO meta (name, value) VALUES ('schema', '3')");
echo "schema 2 → 3: done\n";
