global using MiniPy.Memory;
global using MiniPy.Objects;
global using MiniPy.Runtime;
