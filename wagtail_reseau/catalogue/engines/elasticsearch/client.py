"""One Elasticsearch client per configuration (hosts and options), shared by
the threads of the process."""

import threading

from elasticsearch import Elasticsearch

_clients = {}
_clients_lock = threading.Lock()


def client_for(config):
    hosts = config["HOSTS"]
    options = config["OPTIONS"]
    key = (repr(hosts), repr(sorted(options.items())))
    with _clients_lock:
        if key not in _clients:
            _clients[key] = Elasticsearch(
                hosts, **{"request_timeout": config["INDEX_TIMEOUT"], "max_retries": 1, **options}
            )
        return _clients[key]
