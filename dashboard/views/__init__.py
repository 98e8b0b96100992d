"""One short file per page: state -> query -> chart -> st.*."""
