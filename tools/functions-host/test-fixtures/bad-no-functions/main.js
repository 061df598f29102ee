// Loads the library but registers nothing.
require('@azure/functions');
