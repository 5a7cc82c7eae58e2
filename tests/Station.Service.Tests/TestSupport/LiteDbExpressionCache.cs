using System.Collections;
using System.Reflection;
using LiteDB;

namespace Station.Service.Tests.TestSupport;

/// <summary>
/// Size of LiteDB's process-wide cache of parsed and compiled expressions. A query that inlines a value
/// (<c>Query.EQ("_id", id)</c>) adds an entry and a JIT-compiled delegate per distinct value, kept forever:
/// native memory and compile time that grow with every job. Parameterized expressions reuse one entry.
/// </summary>
internal static class LiteDbExpressionCache
{
    public static int Entries()
    {
        var caches = typeof(BsonExpression).GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
            .Select(f => f.GetValue(null)).OfType<ICollection>().ToList();
        Assert.NotEmpty(caches); // LiteDB moved its cache: this check must be rewritten, not silently pass
        return caches.Sum(c => c.Count);
    }
}
