"""Data files shipped with Alama: sample articles, fonts, translations, icons."""
