namespace MiniPy.Objects;

/// <summary>Receives the references an object owns (the reference checker counts them).</summary>
internal interface IReferenceVisitor
{
    void Visit(PyObject? referent);
}
