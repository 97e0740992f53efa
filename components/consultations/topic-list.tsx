export function TopicList({ topics }: { topics: string[] }) {
  if (topics.length === 0) return null;
  return (
    <ul aria-label="Topics" className="mt-3 flex flex-wrap gap-2">
      {topics.map((topic) => (
        <li key={topic} className="rounded-full bg-slate-100 px-3 py-1 text-xs text-slate-800">
          {topic}
        </li>
      ))}
    </ul>
  );
}
