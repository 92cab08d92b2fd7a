from cthbgraph.cli import main

main()
