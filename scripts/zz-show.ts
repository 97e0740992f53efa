import { db } from "@/lib/db";
const groups = await db.similarityGroup.findMany({ take: 3, include: { members: { select: { body: true }, take: 3 } } });
for (const g of groups) { console.log(`-- ${g.kind} ${g.memberCount}`); for (const m of g.members) console.log("   " + m.body.slice(0, 300).replace(/\n/g, " ")); }
await db.$disconnect();
