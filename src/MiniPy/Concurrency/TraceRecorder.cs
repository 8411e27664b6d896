using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using MiniPy.Runtime;


namespace MiniPy.Concurrency;

/// <summary>
/// Records, per thread, the intervals it ran holding the GIL, waited for it, and blocked without it
/// (<c>--trace</c>), and writes them as a Chrome trace-event file (Perfetto opens it) or an SVG timeline.
/// </summary>
internal sealed class TraceRecorder
{
    /// <summary>What a thread was doing during one interval.</summary>
    public enum Activity { Running, Waiting, Blocked }

    private readonly record struct Interval(int Thread, Activity Activity, long Start, long End);

    /// <summary>Enough for minutes of switching; beyond it intervals are counted but not kept.</summary>
    private const int MaxIntervals = 2_000_000;

    private readonly object _sync = new();
    private readonly List<Interval> _intervals = new();
    private readonly Dictionary<int, string> _names = new();
    private readonly long _origin = Stopwatch.GetTimestamp();
    public long Dropped { get; private set; }

    public void NameThread(ThreadState ts)
    {
        lock (_sync) _names[ts.Ident] = ts.Name;
    }

    public void Acquired(ThreadState ts, long requested, long acquired, bool waited)
    {
        if (ts.TraceBlockedSince != 0) Add(ts, Activity.Blocked, ts.TraceBlockedSince, requested);
        if (waited) Add(ts, Activity.Waiting, requested, acquired);
        ts.TraceBlockedSince = 0;
        ts.TraceRunningSince = acquired;
    }

    public void Released(ThreadState ts, long now, bool forced)
    {
        if (ts.TraceRunningSince != 0) Add(ts, Activity.Running, ts.TraceRunningSince, now);
        ts.TraceRunningSince = 0;
        ts.TraceBlockedSince = forced ? 0 : now;
    }

    private void Add(ThreadState ts, Activity activity, long start, long end)
    {
        lock (_sync)
        {
            if (!_names.ContainsKey(ts.Ident)) _names[ts.Ident] = ts.Name;
            if (_intervals.Count >= MaxIntervals) { Dropped++; return; }
            _intervals.Add(new Interval(ts.Ident, activity, start, end));
        }
    }

    private double Micros(long ticks) => (ticks - _origin) * 1e6 / Stopwatch.Frequency;

    private static string Label(Activity a) => a switch
    {
        Activity.Running => "running (holds GIL)",
        Activity.Waiting => "waiting for GIL",
        _ => "blocked (GIL released)",
    };

    /// <summary>Writes the trace: an .svg path gets a picture, anything else trace-event JSON.</summary>
    public void Write(string path)
    {
        lock (_sync)
        {
            var text = path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) ? ToSvg() : ToJson();
            File.WriteAllText(path, text);
        }
    }

    private static string JsonString(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in s)
        {
            if (c == '"' || c == '\\') sb.Append('\\').Append(c);
            else if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.Append('"').ToString();
    }

    private string ToJson()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("{\"displayTimeUnit\":\"ms\",\"otherData\":{\"producer\":\"minipy --trace\",\"dropped\":")
          .Append(Dropped.ToString(inv)).Append("},\"traceEvents\":[\n");
        sb.Append("{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":1,\"tid\":0,\"args\":{\"name\":\"minipy (GIL)\"}}");
        foreach (var (tid, name) in _names)
            sb.Append(",\n{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":").Append(tid.ToString(inv))
              .Append(",\"args\":{\"name\":").Append(JsonString(name)).Append("}}");
        foreach (var iv in _intervals)
        {
            sb.Append(",\n{\"name\":").Append(JsonString(Label(iv.Activity))).Append(",\"cat\":\"gil\",\"ph\":\"X\",\"pid\":1,\"tid\":")
              .Append(iv.Thread.ToString(inv)).Append(",\"ts\":").Append(Micros(iv.Start).ToString("F1", inv))
              .Append(",\"dur\":").Append(((iv.End - iv.Start) * 1e6 / Stopwatch.Frequency).ToString("F1", inv)).Append('}');
        }
        sb.Append("\n]}\n");
        return sb.ToString();
    }

    private string ToSvg()
    {
        var inv = CultureInfo.InvariantCulture;
        const int labelWidth = 180, plotWidth = 1000, rowHeight = 28, top = 40;
        var rows = new List<int>(_names.Keys);
        rows.Sort();
        long end = _origin + 1;
        foreach (var iv in _intervals) end = Math.Max(end, iv.End);
        double totalMicros = Micros(end);
        double scale = plotWidth / Math.Max(totalMicros, 1);
        int height = top + rows.Count * rowHeight + 50;
        var sb = new StringBuilder();
        sb.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{labelWidth + plotWidth + 20}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        sb.Append("<title>MiniPy GIL timeline</title>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.Append("<text x=\"10\" y=\"20\" font-size=\"14\">GIL timeline: ").Append((totalMicros / 1000.0).ToString("F1", inv)).Append(" ms");
        sb.Append("  (green: running with the GIL, red: waiting for it, grey: blocked without it)</text>\n");
        for (int r = 0; r < rows.Count; r++)
        {
            int y = top + r * rowHeight;
            sb.Append($"<text x=\"10\" y=\"{y + 17}\">{Escape(_names[rows[r]])}</text>\n");
        }
        foreach (var iv in _intervals)
        {
            int r = rows.IndexOf(iv.Thread);
            double x = labelWidth + Micros(iv.Start) * scale;
            double w = Math.Max((iv.End - iv.Start) * 1e6 / Stopwatch.Frequency * scale, 0.3);
            string colour = iv.Activity switch { Activity.Running => "#2e9e44", Activity.Waiting => "#d9534f", _ => "#b0b0b0" };
            sb.Append("<rect x=\"").Append(x.ToString("F2", inv)).Append("\" y=\"").Append((top + r * rowHeight + 4).ToString(inv))
              .Append("\" width=\"").Append(w.ToString("F2", inv)).Append("\" height=\"20\" fill=\"").Append(colour).Append("\"/>\n");
        }
        int axisY = top + rows.Count * rowHeight + 10;
        sb.Append($"<line x1=\"{labelWidth}\" y1=\"{axisY}\" x2=\"{labelWidth + plotWidth}\" y2=\"{axisY}\" stroke=\"black\"/>\n");
        for (int i = 0; i <= 10; i++)
        {
            double x = labelWidth + plotWidth * i / 10.0;
            string ms = (totalMicros * i / 10.0 / 1000.0).ToString("F1", inv);
            sb.Append($"<text x=\"{x.ToString("F1", inv)}\" y=\"{axisY + 16}\" text-anchor=\"middle\">{ms} ms</text>\n");
        }
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
