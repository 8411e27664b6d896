namespace MiniPy.Syntax;

internal enum BinaryOperator { Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv }

internal enum UnaryOperator { Invert, Not, UAdd, USub }

internal enum CompareOperator { Lt, LtE, Eq, NotEq, Gt, GtE, Is, IsNot, In, NotIn }

internal enum BoolOperator { And, Or }

internal enum ConstantKind { None, True, False, Ellipsis, Int, Float, Complex, Str, Bytes }
