print("flowql")
