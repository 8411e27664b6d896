using System.Linq;
using System.Reflection;
using Xunit;

namespace MiniPy.Tests;

/// <summary>DESIGN.md section 4: no mutable static state in the runtime assembly.</summary>
public sealed class StaticStateTests
{
    [Fact]
    public void Every_static_field_is_const_or_readonly()
    {
        var assembly = typeof(MiniPy.Hosting.MiniPyRuntime).Assembly;
        var offenders = assembly.GetTypes()
            .Where(t => !t.Name.StartsWith('<')) // compiler-generated lambda caches
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => !f.IsLiteral && !f.IsInitOnly && !f.Name.Contains('<'))
                .Select(f => t.FullName + "." + f.Name))
            .ToList();
        Assert.True(offenders.Count == 0, "mutable static fields: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Static_readonly_fields_hold_no_mutable_collections()
    {
        var assembly = typeof(MiniPy.Hosting.MiniPyRuntime).Assembly;
        var allowed = new[] { "MiniPy.Objects.Types+Strs.Table" }; // filled during type initialisation only
        var offenders = assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly)
                .Where(f => f.IsInitOnly && f.FieldType.IsGenericType &&
                    (f.FieldType.GetGenericTypeDefinition() == typeof(System.Collections.Generic.List<>)
                     || f.FieldType.GetGenericTypeDefinition() == typeof(System.Collections.Generic.Dictionary<,>)
                     || f.FieldType.GetGenericTypeDefinition() == typeof(System.Collections.Generic.HashSet<>)))
                .Select(f => t.FullName + "." + f.Name))
            .Where(name => !allowed.Contains(name))
            .ToList();
        Assert.True(offenders.Count == 0, "mutable static collections: " + string.Join(", ", offenders));
    }
}
