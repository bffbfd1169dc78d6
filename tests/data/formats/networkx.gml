graph [
  directed 1
  multigraph 1
  node [
    id 0
    label "sa-01"
    sector "state agencies"
    level "state"
    organization "Dept of Education"
    role "director"
  ]
  node [
    id 1
    label "sa-02"
    sector "state agencies"
    level "state"
    organization "Dept of Labor"
    role "coordinator"
  ]
  node [
    id 2
    label "sch-01"
    sector "local schools"
    level "local"
    organization "North High"
    role "teacher"
  ]
  node [
    id 3
    label "sch-02"
    sector "local schools"
    level "local"
    organization "South Middle"
    role "counselor"
  ]
  node [
    id 4
    label "fam-01"
    sector "families"
    level "local"
    organization "Parent Network"
    role "parent"
  ]
  node [
    id 5
    label "na-01"
    sector "national organizations"
    level "national"
    organization "Youth Alliance"
    role "advocate"
  ]
  edge [
    source 0
    target 5
    key 0
    relation "advice"
    weight 1
  ]
  edge [
    source 0
    target 2
    key 0
    relation "friendship"
    weight 1
  ]
  edge [
    source 1
    target 0
    key 0
    relation "advice"
    weight 1
  ]
  edge [
    source 2
    target 0
    key 0
    relation "advice"
    weight 3
  ]
  edge [
    source 2
    target 3
    key 0
    relation "friendship"
    weight 1
  ]
  edge [
    source 3
    target 0
    key 0
    relation "advice"
    weight 1
  ]
  edge [
    source 3
    target 2
    key 0
    relation "friendship"
    weight 1
  ]
  edge [
    source 4
    target 2
    key 0
    relation "advice"
    weight 2
  ]
  edge [
    source 4
    target 3
    key 0
    relation "friendship"
    weight 1
  ]
  edge [
    source 5
    target 1
    key 0
    relation "advice"
    weight 2
  ]
]
