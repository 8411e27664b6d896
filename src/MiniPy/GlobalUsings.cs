global using MiniPy.Memory;
global using MiniPy.Objects;
global using MiniPy.Runtime;
global using ThreadState = MiniPy.Runtime.ThreadState;
