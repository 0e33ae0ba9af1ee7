using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using GeneralizationProofs.Generalization;

namespace GeneralizationProofs.Harness.External;

/// <summary>
/// <c>--strategy 'assembly:PATH.dll[:TypeName]'</c>: an <see cref="IGeneralizer"/> from a compiled assembly, so a C#
/// researcher needs no fork. The assembly and its own dependencies load in a context of their own (its folder's
/// <c>.deps.json</c> resolves them); the Core assembly is shared with the harness, or the plug-in's
/// <c>IGeneralizer</c> would be a different type from ours and no cast could succeed.
/// </summary>
public static class PluginStrategy
{
    public const string Prefix = "assembly:";

    public const string UnsupportedReason = "plug-in assemblies cannot be loaded by the Native AOT build of genproof (the installed "
        + "linux-x64 tool); run the framework-dependent build (dotnet run --project src/GeneralizationProofs.Cli -- ...) or "
        + "wrap the strategy as exec:COMMAND";

    /// <summary>
    /// Refused in the Native AOT tool, which has no JIT to run a loaded assembly: there
    /// <see cref="RuntimeFeature.IsDynamicCodeSupported"/> is false, and the AOT compiler drops the loader behind it.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only reached where dynamic code runs, and the "
        + "builds of genproof that have a JIT (dotnet build, dotnet run, the 'any' tool package) are not trimmed: every "
        + "type of the plug-in and of genproof is there. The trimmed build is the Native AOT one, which refuses here.")]
    public static IGeneralizer Load(string spec) => RuntimeFeature.IsDynamicCodeSupported ? LoadDynamically(spec)
        : throw new InputException("--strategy", Prefix + spec, UnsupportedReason);

    [RequiresUnreferencedCode("loads an assembly from a path and finds its IGeneralizer types by reflection")]
    [RequiresDynamicCode("loads an assembly from a path, which needs the JIT")]
    private static IGeneralizer LoadDynamically(string spec)
    {
        var (path, typeName) = SplitSpec(spec);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new InputException("--strategy", Prefix + spec, $"assembly not found: {full}");
        }
        Assembly assembly;
        try
        {
            assembly = new PluginContext(full).LoadFromAssemblyPath(full);
        }
        catch (BadImageFormatException e)
        {
            throw new InputException("--strategy", Prefix + spec, $"not a .NET assembly: {e.Message}");
        }
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            throw new InputException("--strategy", Prefix + spec,
                $"its types could not be loaded: {e.LoaderExceptions.FirstOrDefault()?.Message ?? e.Message}");
        }
        var candidates = types.Where(t => typeof(IGeneralizer).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }
            && t.GetConstructor(Type.EmptyTypes) is not null).ToList();
        var chosen = typeName is null
            ? candidates.Count == 1 ? candidates[0]
                : throw new InputException("--strategy", Prefix + spec, candidates.Count == 0
                    ? "the assembly has no public IGeneralizer with a parameterless constructor"
                    : $"several IGeneralizer types, name one with :TypeName: {string.Join(", ", candidates.Select(t => t.FullName))}")
            : candidates.FirstOrDefault(t => t.FullName == typeName || t.Name == typeName)
                ?? throw new InputException("--strategy", Prefix + spec,
                    $"no IGeneralizer type '{typeName}' with a parameterless constructor; found: "
                    + string.Join(", ", candidates.Select(t => t.FullName)));
        return (IGeneralizer)Activator.CreateInstance(chosen)!;
    }

    /// <summary>PATH[:TypeName], where PATH may itself hold a drive colon (C:\…): the type is after the last colon past ".dll".</summary>
    private static (string Path, string? TypeName) SplitSpec(string spec)
    {
        var end = spec.LastIndexOf(".dll", StringComparison.OrdinalIgnoreCase);
        if (end < 0)
        {
            throw new InputException("--strategy", Prefix + spec, "expected assembly:PATH.dll[:TypeName]");
        }
        end += ".dll".Length;
        var rest = spec[end..];
        return rest.Length == 0 ? (spec, null)
            : rest[0] == ':' && rest.Length > 1 ? (spec[..end], rest[1..])
            : throw new InputException("--strategy", Prefix + spec, "expected assembly:PATH.dll[:TypeName]");
    }

    [RequiresUnreferencedCode("loads the plug-in's dependencies from paths")]
    private sealed class PluginContext(string path) : AssemblyLoadContext($"genproof plug-in {Path.GetFileName(path)}")
    {
        private readonly AssemblyDependencyResolver _resolver = new(path);
        private static readonly string Shared = typeof(IGeneralizer).Assembly.GetName().Name!;

        protected override Assembly? Load(AssemblyName name)
        {
            // The interface's assembly (and the framework, by returning null) come from the default context.
            if (name.Name == Shared)
            {
                return null;
            }
            return _resolver.ResolveAssemblyToPath(name) is { } file ? LoadFromAssemblyPath(file) : null;
        }
    }
}
