<?php
// Brings a site's database up to this code's schema after a migrate, clone
// or restore put its data beside this code. Schema 1 is the first: there is
// nothing to migrate, only a newer database to refuse.
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
echo "schema $schema is current\n";
