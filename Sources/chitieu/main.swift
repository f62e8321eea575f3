import ArgumentParser

ChiTieu.main()
