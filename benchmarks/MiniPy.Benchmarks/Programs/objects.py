# Classes, methods, attributes and super().
class Account:
    def __init__(self, n):
        self.n = n
        self.balance = 0
    def deposit(self, v):
        self.balance += v
        return self
class Savings(Account):
    def deposit(self, v):
        return super().deposit(v + 1)
accounts = [Savings(i) if i % 2 else Account(i) for i in range(50)]
for r in range(200):
    for a in accounts:
        a.deposit(r % 7)
print(sum(a.balance for a in accounts))
