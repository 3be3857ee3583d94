print("vocan")
