namespace MiniPy.Objects;

internal enum CompareOp { Lt, Le, Eq, Ne, Gt, Ge }

internal enum BinaryOp { Add, Sub, Mul, MatMul, TrueDiv, Mod, Pow, LShift, RShift, Or, Xor, And, FloorDiv }

internal enum UnaryOp { Invert, Not, Pos, Neg }
