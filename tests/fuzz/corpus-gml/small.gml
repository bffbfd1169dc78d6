# invented
Creator "x"
graph [ directed 0
  relations "name,role,direction,polarity,scale&#10;w,affect,mutual,negative,real&#10;"
  node [ id 7 label "a" name "Ana" graphics [ x 1 y [ z 2 ] ] size 3 level "local" ]
  node [ id 8 copnet_field [ name "circle:community" value "core" ] ]
  edge [ source 8 target 7 value 4 ]
  edge [ source 7 target 8 key "advice" ]
  edge [ source 7 target 8 relation "w" weight -2.5 ]
]
