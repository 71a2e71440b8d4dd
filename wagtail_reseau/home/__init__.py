"""The network's home page: blocks an editor adds, orders and removes (a search box
into the catalogue, the next forums and training sessions, the latest practices and
news, key figures of the network, free text)."""
